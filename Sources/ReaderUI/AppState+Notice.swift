import Grid
/// Notes from outside the reader (how the terminal was set up) shown in the status bar.
extension AppState {
    /// Shows `notice` in the status bar until the next command, like any one-off message.
    public mutating func show(notice: String) {
        message = notice
    }
}
