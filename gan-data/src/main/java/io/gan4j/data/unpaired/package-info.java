/** Two image domains served together for unpaired translation. */
package io.gan4j.data.unpaired;
