/** The gan command line (list, train, sample, eval, bench), built on picocli; nothing depends on it. */
package io.gan4j.cli;
