/**
 * Class-conditional GANs: {@code cgan} (concatenation or conditional batch norm in G; projection or
 * concatenation in D) and {@code acgan} (auxiliary classifier), for images and tabular vectors.
 */
package io.gan4j.models.cgan;
