/** Training-time monitors: a live mode-collapse alarm and periodic FID with best-weights keeping. */
package io.gan4j.eval.monitor;
