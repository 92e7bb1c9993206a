/**
 * The sandbox: a stateful, simulated Bitbucket Cloud REST 2.0 API, served by the gateway's own process under
 * {@code /sandbox/2.0} when the {@code sandbox} profile is active, so the gateway can be run, demonstrated and tested
 * with no Bitbucket account and no network. It speaks JSON over real HTTP and depends on no other gateway package.
 *
 * <p>What it reproduces, beyond the published spec (see {@code /work/shared/bitbucket-api/README.md}):
 * <ul>
 *   <li>pipelines that progress in real time ({@code gateway.sandbox.step-seconds} per step), computed from a clock
 *       rather than by background threads ({@link io.pipelinesgateway.sandbox.Timeline});</li>
 *   <li>the HALTED stage, READY and NOT_RUN steps, and running pipelines without a {@code result};</li>
 *   <li>{@code text/plain} logs with HTTP Range, ETags and 406 for JSON-only clients, growing while a step runs;</li>
 *   <li>pagination quirks: {@code next} missing on some pipeline pages, present on the last page of variables;</li>
 *   <li>401 for the credential {@code invalid}, 403 for {@code forbidden}, anything else (and nothing) accepted.</li>
 * </ul>
 * Its own convention, where the real API is silent: a step's {@code service_containers} lists the uuids of its
 * service containers' logs ({@code .../logs/{log_uuid}}); the build container's log uuid is the step's own uuid.
 */
package io.pipelinesgateway.sandbox;
