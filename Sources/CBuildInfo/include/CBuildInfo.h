#ifndef CBUILDINFO_H
#define CBUILDINFO_H

/// The git commit the binary was built from ("" when the build was not told).
const char *yuedu_build_commit(void);

#endif
