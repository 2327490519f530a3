#include "core/Background.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace la {

bool lowerThreadPriority() {
#ifdef __linux__
    // On Linux the nice value belongs to the thread (its tid), not to the whole process.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    return ::setpriority(PRIO_PROCESS, tid, 10) == 0;
#else
    return false;
#endif
}

}  // namespace la
