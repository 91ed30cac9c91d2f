/** Discriminator options against mode collapse shared by the unconditional variants. */
package io.gan4j.models.remedy;
