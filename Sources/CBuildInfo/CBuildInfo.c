// The commit a build was made from. scripts/install.sh writes yuedu-build-commit.h into a
// folder of its build directory and adds that folder to the include path; any other build
// (swift build, a tarball without .git) does not find the header and says nothing.
#include "CBuildInfo.h"

#if __has_include("yuedu-build-commit.h")
#include "yuedu-build-commit.h"
#endif

#ifndef YUEDU_BUILD_COMMIT
#define YUEDU_BUILD_COMMIT ""
#endif

const char *yuedu_build_commit(void) {
    return YUEDU_BUILD_COMMIT;
}
