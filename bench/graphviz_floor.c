/* graphviz_floor.c: the floor for drawing a series: Graphviz's library lays out each period's DOT file and renders it to SVG, all in one process as actornet does (or in N processes, each taking the next file). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <graphviz/gvc.h>

/* Lays out ENGINE:FILE.dot with ENGINE and writes FILE.inproc.svg; 0 on success. */
static int draw(GVC_t *gvc, const char *job)
{
	const char *colon = strchr(job, ':');
	if (!colon) {
		fprintf(stderr, "graphviz_floor: expected ENGINE:FILE, not %s\n", job);
		return 1;
	}
	char engine[32];
	snprintf(engine, sizeof engine, "%.*s", (int)(colon - job), job);
	const char *path = colon + 1;
	FILE *in = fopen(path, "r");
	if (!in) {
		perror(path);
		return 1;
	}
	Agraph_t *g = agread(in, NULL);
	fclose(in);
	if (!g) {
		fprintf(stderr, "graphviz_floor: %s: not a graph\n", path);
		return 1;
	}
	size_t n = strlen(path);
	char *out = malloc(n + sizeof ".inproc.svg");
	snprintf(out, n + sizeof ".inproc.svg", "%.*s.inproc.svg",
	         (int)(n > 4 && strcmp(path + n - 4, ".dot") == 0 ? n - 4 : n), path);
	int status = gvLayout(gvc, g, engine) == 0 && gvRenderFilename(gvc, g, "svg", out) == 0 ? 0 : 1;
	gvFreeLayout(gvc, g);
	agclose(g);
	free(out);
	return status;
}

int main(int argc, char **argv)
{
	int workers = 1, first = 1;
	if (argc > 2 && strcmp(argv[1], "-j") == 0) {
		workers = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || workers < 1) {
		fprintf(stderr, "usage: graphviz_floor [-j N] ENGINE:FILE.dot...\n");
		return 2;
	}
	GVC_t *gvc = gvContext(); /* before the fork, as actornet's workers inherit theirs; no text measured yet */
	int status = 0;
	if (workers == 1) {
		for (int i = first; i < argc; i++)
			status |= draw(gvc, argv[i]);
		return status | gvFreeContext(gvc);
	}
	/* The files' numbers go into a pipe; each worker takes the next as it is free. */
	int tasks[2];
	if (pipe(tasks) != 0) {
		perror("pipe");
		return 1;
	}
	for (int i = first; i < argc; i++)
		if (write(tasks[1], &i, sizeof i) != (ssize_t)sizeof i)
			return 1;
	close(tasks[1]);
	for (int k = 0; k < workers; k++) {
		pid_t pid = fork();
		if (pid == 0) {
			int i, failed = 0;
			while (read(tasks[0], &i, sizeof i) == (ssize_t)sizeof i)
				failed |= draw(gvc, argv[i]);
			_exit(failed);
		}
		if (pid < 0) {
			perror("fork");
			status = 1;
		}
	}
	close(tasks[0]);
	int child;
	while (wait(&child) > 0)
		status |= !WIFEXITED(child) || WEXITSTATUS(child) != 0;
	gvFreeContext(gvc);
	return status;
}
