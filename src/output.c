/* output.c: writes a finished output so that a failure never leaves a half-written or lost file. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/*
 * Creates a new temporary file beside `target`, with the mode a new file gets
 * under the umask (the kernel applies it); returns its descriptor, or -1.
 */
static int create_temp(const char *target, char **temp)
{
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		*temp = xasprintf("%s.tmp-%ld-%u", target, (long)getpid(), attempt);
		int fd = open(*temp, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		free(*temp);
	}
	*temp = NULL;
	errno = EEXIST;
	return -1;
}

/*
 * The temporary file being written, if any, for an_remove_pending_output:
 * the name is complete before the flag says so (a signal may come between).
 */
static char pending_temp[PATH_MAX + 64];
static volatile sig_atomic_t temp_pending;

static void set_pending(const char *temp)
{
	if (temp && strlen(temp) < sizeof pending_temp) {
		memcpy(pending_temp, temp, strlen(temp) + 1);
		atomic_signal_fence(memory_order_seq_cst);
		temp_pending = 1;
	} else {
		temp_pending = 0;
	}
}

void an_remove_pending_output(void)
{
	if (temp_pending)
		unlink(pending_temp);
}

/*
 * Writes `data` to `path`: "-" is standard output; devices and pipes are
 * written directly; a regular file (or a new path) is written to a temporary
 * file beside it and renamed into place when complete, through a symlink to
 * its target.
 */
bool an_write_file(const char *path, const char *data, size_t len, an_diags *diags)
{
	if (strcmp(path, "-") == 0) {
		if (!write_full(STDOUT_FILENO, data, len)) {
			an_error(diags, (an_pos){0, 0}, "cannot write to standard output: %s",
			         strerror(errno));
			return false;
		}
		return true;
	}
	char *target = realpath(path, NULL); /* resolves symlinks; NULL for a new path */
	int unresolved = target ? 0 : errno;
	const char *real = target ? target : path;
	struct stat st;
	if (!target && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* Like cp: not through a link to nothing, nor round a loop of links. */
		if (unresolved == ENOENT)
			an_error(diags, (an_pos){0, 0}, "cannot write %s: it is a symbolic link to a file that does not exist", path);
		else
			an_error(diags, (an_pos){0, 0}, "cannot write %s: %s", path, strerror(unresolved));
		return false;
	}
	if (stat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			an_error(diags, (an_pos){0, 0}, "cannot write %s: it is a directory", path);
			free(target);
			return false;
		}
		int fd = open(real, O_WRONLY | O_TRUNC);
		bool ok = fd >= 0 && write_full(fd, data, len);
		int err = errno;
		if (fd >= 0 && close(fd) != 0 && ok) {
			ok = false;
			err = errno;
		}
		if (!ok)
			an_error(diags, (an_pos){0, 0}, "cannot write %s: %s", path, strerror(err));
		free(target);
		return ok;
	}
	bool exists = stat(real, &st) == 0;
	/* Like cp: a file its owner protected from writing is not replaced (root may). */
	if (exists && access(real, W_OK) != 0) {
		an_error(diags, (an_pos){0, 0}, "cannot write %s: %s", path, strerror(errno));
		free(target);
		return false;
	}
	/* The temporary name goes beside the target: the directory is the same. */
	char *temp;
	int fd = create_temp(real, &temp);
	if (fd < 0) {
		if (exists && errno == EACCES)
			an_error(diags, (an_pos){0, 0}, "cannot write %s: its folder is not writable (the new file is written beside it, then renamed into place)", path);
		else
			an_error(diags, (an_pos){0, 0}, "cannot write %s: %s", path, strerror(errno));
		free(temp);
		free(target);
		return false;
	}
	set_pending(temp);
	/* A file that is replaced keeps its mode. */
	bool ok = (!exists || fchmod(fd, st.st_mode & 07777) == 0) && write_full(fd, data, len) &&
	          fsync(fd) == 0;
	int err = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(temp, real) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok)
		unlink(temp);
	set_pending(NULL);
	if (!ok)
		an_error(diags, (an_pos){0, 0}, "cannot write %s: %s", path, strerror(err));
	free(temp);
	free(target);
	return ok;
}
