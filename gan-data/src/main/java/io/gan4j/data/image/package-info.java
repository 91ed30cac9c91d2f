/** In-memory image datasets. */
package io.gan4j.data.image;
