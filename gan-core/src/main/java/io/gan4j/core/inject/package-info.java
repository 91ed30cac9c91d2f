/** Guice wiring of plugins; the only package of gan-core that knows Guice. */
package io.gan4j.core.inject;
