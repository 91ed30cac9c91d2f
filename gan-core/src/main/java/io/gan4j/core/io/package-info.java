/** Atomic file output and JSON. */
package io.gan4j.core.io;
