/** Two image domains served together for image-to-image translation, as aligned pairs or unrelated images. */
package io.gan4j.data.domains;
