print("yuedu")
