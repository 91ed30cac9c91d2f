/** Training events as immutable records, listeners, and the metrics log. */
package io.gan4j.core.event;
