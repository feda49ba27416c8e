import Foundation
import HubCore
import Testing

@Suite("Routing: plan validation names every problem by path")
struct RoutingPlanValidationTests {
    static let users = Dictionary(uniqueKeysWithValues: Staff.all.map { ($0.id, $0) })

    @Test("a valid plan passes")
    func valid() throws {
        let plan = RoutingPlan(queues: [Staff.queue()], huntGroups: [HuntGroupTests.group(.parallel)],
                               rules: ["anna": [PersonalRule(activities: ["in_meeting"], action: .voicemail)]])
        try plan.validate(users: Self.users)
    }

    @Test("each mistake is reported with its path and reason", arguments: [
        (RoutingPlan(huntGroups: [HuntGroupTests.group(.parallel, members: ["anna", "cecilia"])]),
         "$.huntGroups[0].members[1]: user 'cecilia' has the basic profile, which cannot be a hunt-group member (HUNT-1)"),
        (RoutingPlan(queues: [Staff.queue(ring: 2)]), "$.queues[0].ringSeconds: must be 5…600 seconds"),
        (RoutingPlan(queues: [Staff.queue(), Staff.queue("sales")]), "$.queues[1].number: +358910002000 is already used by $.queues[0].number"),
        (RoutingPlan(queues: [Staff.queue(number: "+358910001001")]), "$.queues[0].number: +358910001001 is user anna's number"),
        (RoutingPlan(queues: [Staff.queue(overflow: OverflowRules(noAnswer: "0401234"))]), "$.queues[0].overflow.noAnswer: must be an E.164 number like +358912345678"),
        (RoutingPlan(queues: [Staff.queue(overflow: OverflowRules(rush: RushOverflow(maxWaiting: 5, maxWaitSeconds: 60, reopenBelowWaiting: 9, destination: "+358910000000")))]),
         "$.queues[0].overflow.rush.reopenBelowWaiting: must be 1…maxWaiting (5)"),
        (RoutingPlan(queues: [Staff.queue(strategy: .skill)]), "$.queues[0].skill: the skill strategy needs a skill"),
        (RoutingPlan(rules: ["zoe": []]), "$.rules.zoe: unknown user 'zoe'"),
        (RoutingPlan(rules: ["anna": [PersonalRule(activities: ["napping"])]]), "$.rules.anna[0].activities[0]: unknown activity 'napping'"),
        (RoutingPlan(skills: ["anna": ["swedish": 101]]), "$.skills.anna.swedish: level must be 1…100"),
        (RoutingPlan(emergencyAreas: ["hki": "+358100112"], defaultEmergencyArea: "tku"), "$.defaultEmergencyArea: unknown area 'tku'"),
    ])
    func mistakes(plan: RoutingPlan, message: String) {
        #expect(throws: ValidationError.self) { try plan.validate(users: Self.users) }
        do {
            try plan.validate(users: Self.users)
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
