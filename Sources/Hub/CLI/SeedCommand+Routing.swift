import ArgumentParser
import Foundation
import HubCore

extension SeedCommand {
    /// The routing file to load: `--routing`, else `routing.json` next to the tenant file when it exists.
    var routingFile: String? {
        if let routing { return routing }
        // NSString keeps a relative tenant path relative, so messages name the file as the user typed it.
        let sibling = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("routing.json")
        return FileManager.default.fileExists(atPath: sibling) ? sibling : nil
    }

    /// Stores the routing plan and schedules through the API's own path (`RoutingService.replace`: validated
    /// against the tenant's users, audited as `cli:seed`), only while the tenant has no routing yet, so a
    /// second run or an admin's later changes are never overwritten.
    func seedRouting(tenant: TenantID, routing service: RoutingService) async throws {
        guard let path = routingFile else { return }
        let document: RoutingDocument
        do {
            document = try StoreCoding.decoder.decode(RoutingDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            let (at, reason) = error.pathAndReason
            throw ValidationError("\(path): \(at): \(reason)")
        }
        let current = try await service.configuration(tenant)
        let plan = current.plan
        guard plan.queues.isEmpty, plan.huntGroups.isEmpty, plan.rules.isEmpty, current.schedules.isEmpty else {
            print("routing of '\(tenant)' already configured; \(path) not loaded")
            return
        }
        do {
            try await service.replace(tenant, plan: document.plan, schedules: document.schedules, actor: "cli:seed")
        } catch {
            throw ValidationError("\(path): \(error)")
        }
        print("loaded routing of '\(tenant)' from \(path): \(document.plan.queues.count) queue(s), "
            + "\(document.plan.huntGroups.count) hunt group(s), rules for \(document.plan.rules.count) user(s), "
            + "\(document.schedules.count) schedule(s)")
    }
}
