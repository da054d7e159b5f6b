/* test_jobs.c: jobs run in worker processes report their status and bytes, and workers are forked only once the process runs one thread. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/jobs.h"

#define JOBS 6

/* What the parent was told of each job. */
static int reported_status[JOBS];
static char *reported_data[JOBS];
static size_t reports;

/* Set by a thread just before it ends; a worker forked after it ended sees it set. */
static volatile int thread_ended;

static void forget_reports(void)
{
	for (size_t i = 0; i < JOBS; i++) {
		free(reported_data[i]);
		reported_data[i] = NULL;
		reported_status[i] = -1;
	}
	reports = 0;
	thread_ended = 0;
}

/* Job i: status i % 3, and the bytes "job i" unless i is 4; status 7 in a worker forked before thread_ended. */
static int describe_job(void *context, size_t job, char **data, size_t *len)
{
	(void)context;
	if (!thread_ended)
		return 7;
	if (job == 4)
		return (int)(job % 3);
	char text[32];
	*len = (size_t)snprintf(text, sizeof text, "job %zu", job);
	*data = strdup(text);
	return (int)(job % 3);
}

static void job_reported(void *context, size_t job, int status, char *data, size_t len)
{
	(void)context;
	(void)len;
	reported_status[job] = status;
	reported_data[job] = data;
	reports++;
}

static const job_runner RUNNER = {"test", 9, describe_job, job_reported, NULL};

static void sleep_ms(long ms)
{
	nanosleep(&(struct timespec){ms / 1000, ms % 1000 * 1000000L}, NULL);
}

/* Every job from `first` on is run once, in a worker, and reported with its bytes; the status is the worst. */
static void test_jobs_report_status_and_bytes(void **state)
{
	(void)state;
	forget_reports();
	thread_ended = 1;
	assert_int_equal(run_jobs(&RUNNER, 1, JOBS, 2), 2);
	assert_int_equal(reports, JOBS - 1);
	assert_int_equal(reported_status[0], -1);
	for (size_t i = 1; i < JOBS; i++) {
		assert_int_equal(reported_status[i], (int)(i % 3));
		char text[32];
		snprintf(text, sizeof text, "job %zu", i);
		if (i == 4)
			assert_null(reported_data[i]);
		else
			assert_string_equal(reported_data[i], text);
	}
	forget_reports();
}

static void *end_soon(void *arg)
{
	(void)arg;
	sleep_ms(150);
	thread_ended = 1;
	return NULL;
}

/* A library's thread still running when the jobs start (as pango's font threads can be): the workers wait for it to end. */
static void test_workers_wait_for_threads_to_end(void **state)
{
	(void)state;
	forget_reports();
	pthread_t thread;
	assert_int_equal(pthread_create(&thread, NULL, end_soon, NULL), 0);
	pthread_detach(thread);
	assert_int_equal(run_jobs(&RUNNER, 0, JOBS, 2), 2);
	assert_int_equal(reports, JOBS);
	for (size_t i = 0; i < JOBS; i++)
		assert_int_equal(reported_status[i], (int)(i % 3)); /* 7: forked while the thread ran */
	forget_reports();
}

static int hold[2];

static void *run_until_released(void *arg)
{
	(void)arg;
	char c;
	if (read(hold[0], &c, 1) < 0)
		return NULL;
	return NULL;
}

/* A thread that does not end soon: nothing is forked, and the caller is told to run the jobs itself. */
static void test_no_fork_beside_a_running_thread(void **state)
{
	(void)state;
	forget_reports();
	assert_int_equal(pipe(hold), 0);
	pthread_t thread;
	assert_int_equal(pthread_create(&thread, NULL, run_until_released, NULL), 0);
	assert_int_equal(run_jobs(&RUNNER, 0, JOBS, 2), -1);
	assert_int_equal(reports, 0);
	assert_int_equal(write(hold[1], "x", 1), 1);
	pthread_join(thread, NULL);
	close(hold[0]);
	close(hold[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jobs_report_status_and_bytes),
		cmocka_unit_test(test_workers_wait_for_threads_to_end),
		cmocka_unit_test(test_no_fork_beside_a_running_thread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
