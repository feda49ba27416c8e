import HubCore

extension EngineService {
    /// The tenant's country code (for national numbers) and every number it owns (users' and queues').
    func messagingContext(tenant: TenantID) throws(HubError) -> (countryCode: String, numbers: Set<PhoneNumber>) {
        let state = try state(tenant)
        let numbers = numberOwners.filter { $0.value.tenant == tenant }.map(\.key)
        return (state.tenant.countryCode, Set(numbers))
    }
}
