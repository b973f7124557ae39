/** JMH benchmarks. */
package io.serfnode.bench;
