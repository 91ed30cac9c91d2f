/** Directories of image files as datasets. */
package io.gan4j.data.folder;
