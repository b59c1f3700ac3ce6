import CastorCore
import SDP
import SIPCodec
import SIPTransaction

/// A call through the B2BUA: two dialogs (RFC 3261 §12), leg A with the caller (the PBX is its UAS) and
/// leg B with the callee (the PBX is its UAC, forking to every registered contact of the line), and the
/// media relay between them. A reference owned by the endpoint, on the PBX's event loop only.
///
/// ```
///  caller ──INVITE──▶ [leg A | PBX | leg B] ──INVITE──▶ callee contact 1
///                                          └─INVITE──▶ callee contact 2 (first 2xx wins, others CANCELled)
/// ```
final class Call: @unchecked Sendable {
    enum State: Sendable, Equatable {
        /// INVITEs sent to the callee's contacts; nothing heard yet.
        case trying
        /// A contact rings (180/183 relayed to the caller).
        case ringing
        /// A contact answered; the caller has our 200 and we wait for its ACK.
        case answered
        /// The caller's ACK came: both dialogs are confirmed.
        case confirmed
        /// Over: BYEs sent, CDR written.
        case ended
    }

    let id: UInt64
    var state: State = .trying
    let caller: RegistrarLine
    let callee: RegistrarLine
    let dialled: String
    let calleeContext: String

    // Leg A: the caller's dialog, the PBX as UAS.
    let serverKey: SIPTransactionKey
    /// The caller's INVITE transaction, kept for as long as the call rings (longer than the transaction
    /// table keeps it).
    let server: ServerTransaction
    let invite: SIPRequest
    /// The flow the caller's INVITE came over: every request to the caller goes back there.
    let callerFlow: SIPSource
    /// The PBX's address as the caller reached it (the INVITE's destination), for our Contact in leg A.
    var localAddress: String?
    let callerCallID: String
    let callerTag: String
    /// Our tag in leg A (the To tag of every response to the caller).
    let localTagA: String
    var callerTarget: SIPURI
    var callerOffer: SessionDescription
    var callerCSeq: UInt32
    var localCSeqA: UInt32 = 1
    /// The 200 sent to the caller, retransmitted until its ACK (§13.3.1.4).
    var okToCaller: SIPOutbound?
    var okInterval: Duration = .zero

    // Leg B: the callee's dialog, the PBX as UAC.
    let callIDB: String
    let localTagB: String
    var forks: [Fork] = []
    /// The fork that answered first (its dialog is leg B).
    var answered: Int?
    var calleeTarget: SIPURI?
    var calleeTag: String?
    var localCSeqB: UInt32 = 1
    /// The ACK sent for the callee's 2xx (sent again on a retransmitted 2xx).
    var ackToCallee: SIPOutbound?
    var offerToCallee: SessionDescription

    // Media.
    let media: CallMediaPorts
    var originVersion: UInt64 = 1
    var codecA: String?
    var codecB: String?
    var mediaA: CallMediaLeg?
    var mediaB: CallMediaLeg?
    var callerOnHold = false
    var calleeOnHold = false

    // For the CDR.
    let startedAt: Double
    let startedMono: MonotonicInstant
    var answeredAt: Double?
    var answeredMono: MonotonicInstant?
    var cancelled = false
    var finalStatus: Int?
    var hangupBy: String?
    var bestFailure: Int?

    init(
        id: UInt64, caller: RegistrarLine, callee: RegistrarLine, dialled: String, calleeContext: String,
        serverKey: SIPTransactionKey, server: ServerTransaction, invite: SIPRequest, callerFlow: SIPSource,
        callerTag: String,
        localTagA: String, callerTarget: SIPURI, callerOffer: SessionDescription, callerCSeq: UInt32,
        callIDB: String, localTagB: String, offerToCallee: SessionDescription, media: CallMediaPorts,
        startedAt: Double, startedMono: MonotonicInstant
    ) {
        self.id = id
        self.caller = caller
        self.callee = callee
        self.dialled = dialled
        self.calleeContext = calleeContext
        self.serverKey = serverKey
        self.server = server
        self.invite = invite
        self.callerFlow = callerFlow
        self.callerCallID = (try? invite.headers.callID()) ?? ""
        self.callerTag = callerTag
        self.localTagA = localTagA
        self.callerTarget = callerTarget
        self.callerOffer = callerOffer
        self.callerCSeq = callerCSeq
        self.callIDB = callIDB
        self.localTagB = localTagB
        self.offerToCallee = offerToCallee
        self.media = media
        self.startedAt = startedAt
        self.startedMono = startedMono
    }

    /// One INVITE to one contact of the callee.
    struct Fork: Sendable {
        enum State: Sendable, Equatable {
            case calling, ringing, answered
            case failed(Int)
        }
        var branch: String
        var request: SIPRequest
        var destination: SIPDestination
        var state: State = .calling
        /// A CANCEL is owed once the fork answers provisionally (§9.1: never before a provisional).
        var cancelPending = false
        var cancelSent = false

        var isFinished: Bool {
            switch state {
            case .answered, .failed: true
            case .calling, .ringing: false
            }
        }
    }
}

/// Which dialog of a call a message belongs to.
enum CallLegSide: Sendable, Equatable {
    case caller, callee
}

/// A dialog's identity as seen in an incoming request: Call-ID and our tag (the To tag of the request).
struct DialogKey: Hashable, Sendable {
    var callID: String
    var localTag: String
}

/// A client transaction the B2BUA started: an INVITE to a fork, its CANCEL, a BYE, a re-INVITE.
struct CallClientTransaction: Sendable {
    enum Purpose: Sendable, Equatable {
        case invite(fork: Int)
        case cancel
        case bye
    }
    enum Machine: Sendable {
        case invite(InviteClientTransaction<SIPOutbound>)
        case nonInvite(NonInviteClientTransaction<SIPOutbound>)
    }
    var machine: Machine
    var callID: UInt64
    var purpose: Purpose
    var request: SIPRequest
    var destination: SIPDestination
}
