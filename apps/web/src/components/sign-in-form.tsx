"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "./error-message";
import { buttonClass, inputClass, labelClass } from "./styles";

function messageFor(status: number, body: { message?: string } | null): string {
  if (status === 401) return "Wrong email or password.";
  if (status === 429) return "Too many sign-in attempts. Wait a minute, then try again.";
  if (status === 400) return body?.message || "Enter a valid email and password.";
  return body?.message
    ? `Could not sign in: ${body.message}`
    : `Could not sign in (the server answered ${status}).`;
}

/** Email + password sign-in; accounts are created by an administrator (there is no public sign-up). */
export function SignInForm() {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setPending(true);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setError(messageFor(res.status, body));
        setPending(false);
        return;
      }
      router.replace("/");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={inputClass}
        />
      </div>
      <ErrorMessage>{error}</ErrorMessage>
      <button
        type="submit"
        disabled={pending || !email || !password}
        className={`${buttonClass} w-full py-2`}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
