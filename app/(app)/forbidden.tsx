import { ForbiddenMessage } from "@/components/status-message";

/** Inside the signed-in frame, whose <main> holds it: one main landmark per page. */
export default function Forbidden() {
  return <ForbiddenMessage />;
}
