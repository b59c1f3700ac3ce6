#ifndef CASTOR_SHIMS_H
#define CASTOR_SHIMS_H

/// prctl(PR_SET_PDEATHSIG, signal): the kernel sends `signal` to this process when its parent dies.
/// prctl(2) is variadic, which Swift cannot call directly. Returns 0 or -1 with errno set.
int castor_set_parent_death_signal(int signal);

#endif
