/* jobs.h: numbered jobs run in worker processes, for the command line (jobs.c). */
#ifndef ACTORNET_CLI_JOBS_H
#define ACTORNET_CLI_JOBS_H

#include <stddef.h>

/*
 * A job's work, in a worker process: returns its exit status, and may leave
 * bytes for the parent in *data (malloc'd; NULL and 0 for none).
 */
typedef int (*job_work)(void *context, size_t job, char **data, size_t *len);

/* A job's result, in the parent, as jobs finish: data (NUL-terminated, or NULL) is the callee's. */
typedef void (*job_done)(void *context, size_t job, int status, char *data, size_t len);

typedef struct {
	const char *program; /* names the messages: "actornet: error: ..." */
	int failed;          /* the status of a job that cannot be run or reported */
	job_work work;
	job_done done;
	void *context;
} job_runner;

/*
 * Runs jobs first to count - 1 in `workers` processes forked now, each
 * taking the next job from a shared pipe (a long job does not hold up the
 * others), and reports each to runner->done. Forks only once this process
 * runs one thread (libraries' threads, such as pango's, are waited for a
 * moment; a child of a process with threads can deadlock). Returns the
 * worst status of the jobs and the workers, or -1 when nothing was started
 * (the caller runs them itself). A job whose result never came back is not reported:
 * the caller counts them.
 */
int run_jobs(const job_runner *runner, size_t first, size_t count, int workers);

/* Sends sig to the workers running now, if any: for a signal handler (async-signal-safe). */
void stop_workers(int sig);

#endif
