/**
 * Confirms the action just taken. A successful action usually moves the case on, and the
 * form that sent it disappears, so the confirmation comes back in the URL (?done=…).
 */
const MESSAGES: Record<string, string> = {
  filed: "Concern raised. Your colleague has been sent a notice.",
  recorded:
    "Concern recorded. The colleague has been sent a notice. You answer for the source here when they respond.",
  recorded_for_physician:
    "Concern recorded. The colleague has been sent a notice, and the physician who raised it has been told that it is theirs to follow.",
  joined: "Concern raised. Your colleague has been told that another colleague raised this post.",
  answer_recorded:
    "Your answer is recorded. Other colleagues raised this post too: the case closes when they have confirmed as well, or their time to answer ends.",
  report_remediation: "Thank you. The colleague who raised this has been told.",
  dispute: "Your explanation has been sent.",
  confirm_remediation: "Confirmed. The concern is resolved and your colleague has been told.",
  reject_remediation: "Your colleague has been told the action is not enough.",
  accept_dispute: "Explanation accepted. The concern is closed and your colleague has been told.",
  escalate_dispute: "Escalated. The compliance team will review the case.",
  withdraw: "Concern withdrawn. Your colleague has been told.",
  close_case: "Case closed. Both parties have been told.",
  claim: "You hold this case now.",
  assign: "Case assigned. The officer has been told.",
  release: "Case released to the queue.",
  recused:
    "You have stepped aside from the case. It has left your queue and the other officers have been told.",
  reopen: "Case reopened. It is back in the queue and both parties have been told.",
  note: "Note added.",
  retract_note: "Note retracted.",
  request_information: "Question sent. You will be told when it is answered.",
  message: "Message sent. Your colleague has been told there is a new message.",
  message_reported:
    "Thank you. The compliance team has been told about this message. Your colleague is not told.",
  redact_text:
    "The words are replaced with [removed]. The audit trail keeps only a fingerprint of what was removed.",
  appeal:
    "Your appeal has been sent. A different officer from the one who decided will consider it.",
  take_appeal: "You have taken this appeal. Decide it below.",
  decide_appeal: "Appeal decided. Both parties have been told.",
  answer_information: "Thank you. Your answer has been sent to the compliance team.",
  claim_review: "You hold this review now.",
  decide_review: "Review decided. The colleague has been told the outcome and your summary.",
  answer_review: "Thank you. Your answer has been sent to the compliance team.",
};

export function DoneBanner({ done }: { done?: string }) {
  const message = done ? MESSAGES[done] : undefined;
  if (!message) return null;
  return (
    <p
      role="status"
      className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm"
    >
      {message}
    </p>
  );
}
