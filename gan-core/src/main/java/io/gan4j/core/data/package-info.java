/** Real data as the trainer sees it: indexable samples and the factories that open them by spec. */
package io.gan4j.core.data;
