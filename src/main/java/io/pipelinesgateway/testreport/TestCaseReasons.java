package io.pipelinesgateway.testreport;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;

/**
 * Why a test case failed, as its DataLoader answers it: a type of its own, since DataLoaders are found by their
 * value type and a bare list does not say what it holds.
 */
public record TestCaseReasons(List<BitbucketTestCaseReason> reasons) {

    public TestCaseReasons {
        reasons = List.copyOf(reasons);
    }
}
