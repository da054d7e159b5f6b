/* jobs.c: runs numbered jobs in worker processes forked after the caller's set-up, each job's status and bytes sent back over a pipe. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../util.h"
#include "jobs.h"

/* What a worker reports of each job it ran; the job's bytes follow. */
typedef struct {
	size_t job;
	int status;
	size_t len;
} job_report;

/* The workers running now, for stop_workers: their pids are set before the count covers them. */
static pid_t *live_pids;
static volatile sig_atomic_t live_count;

void stop_workers(int sig)
{
	for (sig_atomic_t k = 0; k < live_count; k++)
		if (live_pids[k] > 0)
			kill(live_pids[k], sig);
}

/* A worker: runs the jobs it takes from `tasks` and reports each on `results`. */
static _Noreturn void work(const job_runner *runner, int tasks, int results)
{
	size_t job;
	while (read_full(tasks, &job, sizeof job)) {
		job_report report;
		memset(&report, 0, sizeof report); /* its padding goes down the pipe too */
		report.job = job;
		char *data = NULL;
		size_t len = 0;
		report.status = runner->work(runner->context, job, &data, &len);
		report.len = data ? len : 0;
		if (!write_full(results, &report, sizeof report) ||
		    (report.len && !write_full(results, data, report.len)))
			_exit(runner->failed);
		free(data);
	}
	_exit(0);
}

/* How long run_jobs waits for this process's other threads to end before it forks, in ms. */
#define ALONE_PATIENCE_MS 2000

/* The number of threads this process runs, from /proc/self/stat; 0 when it cannot be read. */
static long threads_running(void)
{
	char stat[1024];
	int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, stat, sizeof stat - 1);
	close(fd);
	if (n <= 0)
		return 0;
	stat[n] = '\0';
	/* After the command's name, in parentheses: state is field 3, num_threads field 20. */
	const char *p = strrchr(stat, ')');
	for (int field = 2; p && field < 20; field++)
		p = strchr(p + 1, ' ');
	return p ? strtol(p + 1, NULL, 10) : 0;
}

/*
 * Whether this process is down to one thread, waiting up to
 * ALONE_PATIENCE_MS for the others to end. Pango starts a short-lived thread
 * for each font pattern it matches and sorts: a child forked while one runs
 * has neither the thread nor its result, and can wait for it forever (or
 * for a lock it held). On a loaded machine such a thread often outlives the
 * text measuring that started it by some milliseconds. Without
 * /proc/self/stat nothing can be told: no fork.
 */
static bool alone(void)
{
	struct timespec start, t;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		long threads = threads_running();
		if (threads == 1)
			return true;
		clock_gettime(CLOCK_MONOTONIC, &t);
		double waited_ms = (double)(t.tv_sec - start.tv_sec) * 1e3 + (double)(t.tv_nsec - start.tv_nsec) / 1e6;
		if (threads == 0 || waited_ms >= ALONE_PATIENCE_MS) /* 0: cannot tell */
			return false;
		nanosleep(&(struct timespec){0, 1000 * 1000}, NULL);
	}
}

/* Reads every report of the `running` workers' pipes until they close; returns the worst status. */
static int collect(const job_runner *runner, struct pollfd *fds, int running, size_t count)
{
	int status = 0;
	for (int open = running; open > 0;) {
		if (poll(fds, (nfds_t)running, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < running; k++) {
			if (fds[k].fd < 0 || !fds[k].revents)
				continue;
			job_report report;
			if (!read_full(fds[k].fd, &report, sizeof report) || report.job >= count) {
				close(fds[k].fd);
				fds[k].fd = -1;
				open--;
				continue;
			}
			char *data = NULL;
			if (report.len) {
				data = xmalloc(report.len + 1);
				if (!read_full(fds[k].fd, data, report.len))
					report.status = runner->failed;
				data[report.len] = '\0';
			}
			if (report.status > status)
				status = report.status;
			runner->done(runner->context, report.job, report.status, data, report.len);
		}
	}
	return status;
}

int run_jobs(const job_runner *runner, size_t first, size_t count, int workers)
{
	if (!alone())
		return -1;
	int tasks[2];
	if (pipe(tasks) != 0) {
		fprintf(stderr, "%s: error: cannot start worker processes: %s\n", runner->program,
		        strerror(errno));
		return runner->failed;
	}
	/*
	 * Every job goes into the pipe before any worker starts; a pipe too
	 * small to hold them (Linux shrinks pipes past a user's limit) would
	 * block, so the caller runs them itself instead.
	 */
	fcntl(tasks[1], F_SETFL, O_NONBLOCK);
	for (size_t i = first; i < count; i++) {
		if (write(tasks[1], &i, sizeof i) != (ssize_t)sizeof i) {
			close(tasks[0]);
			close(tasks[1]);
			return -1;
		}
	}
	close(tasks[1]);
	fflush(NULL);
	pid_t *pids = xcalloc((size_t)workers, sizeof *pids);
	struct pollfd *fds = xcalloc((size_t)workers, sizeof *fds);
	int status = 0, running = 0;
	live_pids = pids;
	for (int k = 0; k < workers; k++) {
		int results[2];
		if (pipe(results) != 0)
			break;
		pids[k] = fork();
		if (pids[k] == 0) {
			live_count = 0; /* a worker stops no other */
			close(results[0]);
			for (int j = 0; j < running; j++)
				close(fds[j].fd);
			free(pids);
			free(fds);
			work(runner, tasks[0], results[1]);
		}
		close(results[1]);
		if (pids[k] < 0) {
			close(results[0]);
			break;
		}
		fds[running++] = (struct pollfd){.fd = results[0], .events = POLLIN};
		atomic_signal_fence(memory_order_seq_cst);
		live_count = running;
	}
	close(tasks[0]);
	if (running == 0) {
		fprintf(stderr, "%s: error: cannot start worker processes: %s\n", runner->program,
		        strerror(errno));
		status = runner->failed;
	}
	int reported = collect(runner, fds, running, count);
	status = reported > status ? reported : status;
	live_count = 0; /* every worker has closed its pipe: it is ending, and is reaped now */
	for (int k = 0; k < running; k++) {
		int child = 0;
		while (waitpid(pids[k], &child, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(child)) {
			fprintf(stderr, "%s: error: a worker process was killed by signal %d\n",
			        runner->program, WTERMSIG(child));
			status = runner->failed;
		} else if (WEXITSTATUS(child) != 0) {
			fprintf(stderr, "%s: error: a worker process failed (exit status %d)\n",
			        runner->program, WEXITSTATUS(child));
			status = runner->failed;
		}
	}
	free(pids);
	free(fds);
	return status;
}
