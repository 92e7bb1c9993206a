package io.pipelinesgateway.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much upstream data one {@code insights} answer may read. Each pipeline covered costs a steps call, and a
 * pipeline that may show a flaky test a test-cases call per step, so the newest {@code maxPipelines} of the window
 * are covered and the answer says when the window held more.
 *
 * @param maxPipelines the most pipelines one answer covers, newest first
 * @param defaultDays  the window's length when a query gives no start: the last this many days
 */
@ConfigurationProperties("gateway.insights")
public record InsightsProperties(@DefaultValue("200") int maxPipelines, @DefaultValue("7") int defaultDays) {
}
