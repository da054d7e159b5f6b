/* progress.h: what a long render is doing and how long it should take, said while it runs (progress.c). */
#ifndef ACTORNET_CLI_PROGRESS_H
#define ACTORNET_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Starts watching a command: on a terminal, a layout that has run for a
 * few seconds is shown on a line of its own, kept up to date; elsewhere,
 * while a layout expected to take PROGRESS_NOTE_AFTER seconds or more runs
 * (it was warned of), a line once the command has run that long, and then
 * now and then. Nothing with `quiet`. Starts a thread of its own.
 */
#define PROGRESS_NOTE_AFTER 10
void progress_start(bool terminal, bool quiet);

/*
 * An an_layout_watch (see actornet.h): a layout about to begin or just
 * done. Before one expected to take PROGRESS_NOTE_AFTER seconds or more,
 * warns once, with the estimate and what is quicker.
 */
void progress_layout(void *context, const char *engine, size_t nodes, size_t edges,
                     double estimate, bool done);

/* Ends the thread (before a fork: a child must not inherit its lock); what is said after is kept quiet. */
void progress_stop(void);

#endif
