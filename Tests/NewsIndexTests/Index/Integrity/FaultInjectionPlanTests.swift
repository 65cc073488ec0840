import Glibc
import Testing
@testable import NewsIndex

/// `NEWSIDX_FAULT` is `ACTION:STEP:N`; anything else is refused rather than ignored.
@Suite struct FaultInjectionPlanTests {
    @Test func aCrashAfterAStepIsParsed() {
        #expect(FaultInjection.Plan("crash-after:rename:1")
            == FaultInjection.Plan(action: .crashAfter, step: .rename, occurrence: 1))
    }

    @Test func stepCountsEveryKindOfStep() {
        #expect(FaultInjection.Plan("crash-before:step:7")?.step == nil)
        #expect(FaultInjection.Plan("crash-before:step:7")?.occurrence == 7)
    }

    @Test func aDiskFullFailsWithENOSPC() {
        #expect(FaultInjection.Plan("enospc:write:3")?.action == .fail(errno: ENOSPC))
        #expect(FaultInjection.Plan("eio:fsync:1")?.action == .fail(errno: EIO))
    }

    @Test func malformedPlansAreRefused() {
        for bad in ["", "crash-after", "crash-after:rename", "crash-after:rename:0", "crash:rename:1",
                    "crash-after:unlink:1", "crash-after:rename:x", "crash-after:rename:1:2"] {
            #expect(FaultInjection.Plan(bad) == nil, "\(bad)")
        }
    }

    @Test func withoutTheVariableNothingIsInjected() {
        // The test process runs without NEWSIDX_FAULT.
        #expect(FaultInjection.configurationError == nil)
        if case .proceed(crashAfter: false) = FaultInjection.arrive(.write) {} else { Issue.record("a step was faulted") }
    }
}
