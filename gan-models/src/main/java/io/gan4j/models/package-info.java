/** Built-in GAN variants, contributed as a plugin. */
package io.gan4j.models;
