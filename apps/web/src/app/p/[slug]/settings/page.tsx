import type { Metadata } from "next";
import { AddMemberForm } from "@/components/add-member-form";
import { ApiKeyList } from "@/components/api-key-list";
import { CreateApiKeyForm } from "@/components/create-api-key-form";
import { MemberList } from "@/components/member-list";
import { PageHeader } from "@/components/page-header";
import { SecretsPanel } from "@/components/secrets-panel";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project, user } = await gateSection(slug, "settings");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who can work in this project, and the keys scripts use to reach it."
      />
      <div className="space-y-10">
        <section aria-labelledby="members-title" className="space-y-4">
          <div>
            <h2 id="members-title" className="text-lg font-semibold">
              Members
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Roles build on each other: rater → reviewer → curator → researcher → owner. A project always
              keeps at least one owner.
            </p>
          </div>
          <MemberList projectSlug={project.slug} currentEmail={user.email} />
          <AddMemberForm projectSlug={project.slug} />
        </section>
        <section aria-labelledby="api-keys-title" className="space-y-4">
          <div>
            <h2 id="api-keys-title" className="text-lg font-semibold">
              API keys
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              For scripts and training loops calling the REST API. A key acts with a role no higher than
              yours, and only its hash is stored.
            </p>
          </div>
          <ApiKeyList projectSlug={project.slug} />
          <CreateApiKeyForm projectSlug={project.slug} />
        </section>
        <section aria-labelledby="secrets-title" className="space-y-4">
          <div>
            <h2 id="secrets-title" className="text-lg font-semibold">
              Secrets
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Credentials that model adapters send to inference servers (named by an adapter&rsquo;s{" "}
              <code>authSecret</code>). Encrypted at rest; a value is never shown again.
            </p>
          </div>
          <SecretsPanel projectSlug={project.slug} />
        </section>
      </div>
    </>
  );
}
