import Logging
import SpoorApplication
import SpoorDomain
import SpoorLedger
import SpoorProof

/// Where the daemon's application is put together: each handler built with only what it uses,
/// and the dispatcher that routes to them.
enum Assembly {
    static func dispatcher(
        ledger: Ledger, projections: CaseProjection, institution: Decider.Institution, protocolPath: String?,
        signing: CheckpointSigning?, witnesses: [CosignatureVerifier], comensha: CoMenshaRecipient?, epoch: Int,
        keys: CaseKeys, users: UserDirectory, vitals: any DaemonVitals, logger: Logger
    ) -> Dispatcher {
        let adopted = projections.protocols
        let system = SystemStream(ledger: ledger, keys: keys, logger: logger)
        let access = AccessHandler(
            ledger: ledger, projections: projections, system: system, reader: PersonalContentReader(ledger: ledger, keys: keys))
        let commands = CommandHandler(
            ledger: ledger, projections: projections, keys: keys, protocols: adopted, institution: institution, epoch: epoch,
            comensha: comensha)
        let handlers = Dispatcher.Handlers(
            commands: commands,
            queries: QueryHandler(
                ledger: ledger, projections: projections, protocols: adopted, institution: institution, system: system,
                access: access, origin: signing?.origin),
            access: access,
            audit: AuditHandler(ledger: ledger, signing: signing, witnesses: witnesses, system: system),
            deliveries: DeliveryHandler(ledger: ledger, projections: projections, commands: commands),
            subject: SubjectHandler(ledger: ledger, projections: projections, keys: keys, protocols: adopted, system: system, access: access),
            retention: RetentionHandler(projections: projections, protocols: adopted, commands: commands),
            admin: AdminHandler(ledger: ledger, projections: projections, keys: keys, vitals: vitals, system: system, logger: logger),
            backups: BackupHandler(ledger: ledger, keys: keys, logger: logger),
            protocolHandler: ProtocolHandler(
                protocols: adopted, adoption: ProtocolAdoption(ledger: ledger, protocols: adopted),
                protocolPath: protocolPath))
        return Dispatcher(handlers: handlers, protocols: adopted, system: system, users: users, logger: logger)
    }
}
