/** DCGAN networks and the dcgan variant. */
package io.gan4j.models.dcgan;
