/** Parts shared by several variants of gan-models. */
package io.gan4j.models.support;
