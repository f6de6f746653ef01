"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { secondaryButtonClass } from "./styles";

/** Ends the session, forgets cached data, and returns to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    try {
      const res = await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok) throw new Error(String(res.status));
      queryClient.clear();
      router.replace("/sign-in");
      router.refresh();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <button type="button" onClick={signOut} disabled={pending} className={secondaryButtonClass}>
      {pending ? "Signing out…" : failed ? "Sign out failed — retry" : "Sign out"}
    </button>
  );
}
