/* progress.c: says, while a long render runs, what it is doing and how long it should take: a line kept up to date on a terminal, else a line now and then. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

/* A layout is shown on a terminal once it has run this long, in seconds. */
#define SHOW_AFTER 2.0
/* Elsewhere, the lines after the first come this often, in seconds. */
#define NOTE_EVERY 60.0

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	FILE *out;     /* standard error as it was at the start: the library catches fd 2 while Graphviz runs */
	bool running;  /* the thread runs */
	bool stopping; /* the thread is asked to end */
	bool terminal, quiet;
	bool warned;     /* a layout's cost was warned of */
	bool shown;      /* a line is up on the terminal */
	double next_note; /* elsewhere: the command's time of the next line */
	double started;   /* when the command started (now()) */
	char layout[128]; /* the layout running, "laying out N actors and M ties with E"; "" between */
	double layout_started, estimate;
} progress = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

/* "about 40 s", "about 3 min", "about 2 h": an estimate, as roughly as it is known. */
static void about(double seconds, char *text, size_t size)
{
	if (seconds < 60)
		snprintf(text, size, "about %.0f s", fmax(5, round(seconds / 5) * 5));
	else if (seconds < 3600)
		snprintf(text, size, "about %.0f min", round(seconds / 60));
	else
		snprintf(text, size, "about %.0f h", round(seconds / 3600));
}

/* Says what is being done, if it is time to (called with the lock held). */
static void tell(double t)
{
	char expected[32] = "";
	if (progress.layout[0] && progress.estimate > 0)
		about(progress.estimate, expected, sizeof expected);
	if (progress.terminal) {
		double running = t - progress.layout_started;
		if (!progress.layout[0] || running < SHOW_AFTER)
			return;
		fprintf(progress.out, "\r%s: %s: %.0f s%s%s\033[K", program, progress.layout, running,
		        expected[0] ? " of " : "", expected);
		progress.shown = true;
	} else if (progress.layout[0] && progress.estimate >= PROGRESS_NOTE_AFTER &&
	           t - progress.started >= progress.next_note) {
		fprintf(progress.out, "%s: still %s after %.0f s (expected: %s)\n", program, progress.layout,
		        t - progress.started, expected);
		progress.next_note += NOTE_EVERY;
	}
	fflush(progress.out);
}

static void *watch(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&progress.lock);
	while (!progress.stopping) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&progress.wake, &progress.lock, &until);
		if (!progress.stopping)
			tell(now());
	}
	pthread_mutex_unlock(&progress.lock);
	return NULL;
}

void progress_start(bool terminal, bool quiet)
{
	progress.terminal = terminal;
	progress.quiet = quiet;
	progress.started = now();
	progress.next_note = PROGRESS_NOTE_AFTER;
	int fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
	if (quiet || fd < 0 || !(progress.out = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		progress.quiet = true;
		return;
	}
	setvbuf(progress.out, NULL, _IONBF, 0);
	if (!progress.running)
		progress.running = pthread_create(&progress.thread, NULL, watch, NULL) == 0;
}

void progress_layout(void *context, const char *engine, size_t nodes, size_t edges,
                     double estimate, bool done)
{
	const char *quicker = context;
	pthread_mutex_lock(&progress.lock);
	if (done) {
		if (progress.shown && progress.out)
			fputs("\r\033[K", progress.out);
		progress.shown = false;
		progress.layout[0] = '\0';
	} else {
		snprintf(progress.layout, sizeof progress.layout, "laying out %zu actors and %zu ties with %s",
		         nodes, edges, engine);
		progress.layout_started = now();
		progress.estimate = estimate;
		if (estimate >= PROGRESS_NOTE_AFTER && !progress.warned && !progress.quiet) {
			char expected[32];
			about(estimate, expected, sizeof expected);
			fprintf(progress.out, "%s%s: warning: %s may take %s for %zu actors and %zu ties (%zu ties more than actors: its cost grows with them)%s%s\n",
			        progress.terminal ? "\r\033[K" : "", program, engine, expected, nodes, edges,
			        edges - nodes, quicker ? ": " : "",
			        quicker ? quicker : "");
			progress.warned = true;
		}
	}
	pthread_mutex_unlock(&progress.lock);
}

void progress_stop(void)
{
	pthread_mutex_lock(&progress.lock);
	bool running = progress.running;
	progress.stopping = true;
	progress.quiet = true;
	pthread_cond_signal(&progress.wake);
	pthread_mutex_unlock(&progress.lock);
	if (running)
		pthread_join(progress.thread, NULL);
	progress.running = false;
	if (progress.out)
		fclose(progress.out);
	progress.out = NULL;
}
