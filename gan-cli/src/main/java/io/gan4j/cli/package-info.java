/** The gan command line: list, train, sample, eval, bench. The only module that creates an injector. */
package io.gan4j.cli;
