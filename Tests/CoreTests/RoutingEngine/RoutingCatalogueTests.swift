import Foundation
import Testing

import HubCore

/// The routing engine follows the tenant's catalogue: which activities count as available for queue calls.
@Suite("Routing: the tenant's activities decide who takes queue calls (PRES-1, ACD-6)")
struct RoutingCatalogueTests {
    @Test("a new catalogue makes an agent with a custom activity present and offers the waiting caller at once")
    func replacingTheCatalogueReexaminesAgents() throws {
        let queue = Staff.queue(overflow: OverflowRules(noAgents: "+358910007777"))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna, Staff.bertil])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .agentLogin("bertil", "support"))
        sim.at(1, .presence("bertil", activity: "on_site", role: .work, until: nil))
        sim.at(2, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(3, Staff.caller("c1", to: "+358910002000"))
        #expect(sim.rings(to: "bertil").isEmpty, "on_site is not in the standard catalogue: bertil is not present")
        #expect(sim.engine.status(of: "bertil", at: sim.now) == .unavailable(activity: "on_site"))

        var catalogue = ActivityCatalogue.standard
        try catalogue.upsert(Activity(id: "on_site", name: "On site", availableForGroupCalls: true))
        sim.advance(to: 4)
        let effects = sim.engine.replaceCatalogue(catalogue, at: sim.now)
        sim.record(effects)
        #expect(sim.rings(to: "bertil").map(\.call) == ["c1"], "the waiting caller is offered without another input")
        #expect(effects.contains(.agentState("bertil", .ringing("c1"))))
    }
}
