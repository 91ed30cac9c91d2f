/** Built-in datasets of gan4j, contributed as a plugin. */
package io.gan4j.data;
