/** Multilayer-perceptron generators and discriminators for vector data (tabular, toy mixtures). */
package io.gan4j.models.mlp;
