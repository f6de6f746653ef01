/**
 * An invite link: `/i/<token>[?PROLIFIC_PID=…]`. Redeeming it gives the browser a rater session
 * for one study (an HttpOnly cookie) and sends it to the rating page; no account is involved.
 */
import { InviteError, raterCookieName, redeemInvite } from "@loupe/api";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** How long an external rater's session lasts (they may come back the next day). */
const SESSION_SECONDS = 30 * 24 * 3600;

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const url = new URL(req.url);
  try {
    const { studyId, sessionToken } = await redeemInvite(getRuntime().db, token, url.searchParams);
    const secure = url.protocol === "https:" ? "; Secure" : "";
    return new Response(null, {
      status: 303,
      headers: {
        Location: `/rate/${studyId}`,
        "Set-Cookie": `${raterCookieName(studyId)}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_SECONDS}${secure}`,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (err) {
    if (!(err instanceof InviteError)) throw err;
    return new Response(null, {
      status: 303,
      headers: { Location: `/rate/unavailable?problem=${err.problem}`, "Cache-Control": "no-store" },
    });
  }
}
