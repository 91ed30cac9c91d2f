/** Pictures for people: sample grids and loss curves as PNG. */
package io.gan4j.core.image;
