/**
 * Stands in for XMLHttpRequest, which the SPA uploads files with: reports upload progress, then
 * answers from the fake API (`fakeApi`'s fetch), so tests set routes as for any request. Each
 * sent form is recorded.
 */
export function fakeUploads({ sentShare = 1 }: { sentShare?: number } = {}) {
  const sent: { path: string; form: FormData }[] = [];

  class FakeXmlHttpRequest {
    readonly upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    private method = 'GET';
    private path = '';
    private readonly headers = new Headers();
    private answerHeaders = new Headers();

    open(method: string, path: string) {
      this.method = method;
      this.path = path;
    }

    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value);
    }

    getResponseHeader(name: string) {
      return this.answerHeaders.get(name);
    }

    send(form: FormData) {
      sent.push({ path: this.path, form });
      const total = 1_000;
      this.upload.onprogress?.({ loaded: total * sentShare, total });
      // A partly sent upload never finishes: the test looks at it on its way.
      if (sentShare < 1) return;
      const request = new Request(new URL(this.path, window.location.origin), {
        method: this.method,
        headers: this.headers,
      });
      void fetch(request).then(
        async (response) => {
          this.status = response.status;
          this.statusText = response.statusText;
          this.answerHeaders = response.headers;
          this.responseText = await response.text();
          this.onload?.();
        },
        () => this.onerror?.(),
      );
    }
  }

  window.XMLHttpRequest = FakeXmlHttpRequest as unknown as typeof XMLHttpRequest;
  return {
    sent,
    /** The text fields of the last form sent to `path`. */
    fieldsSentTo(path: string): Record<string, string> {
      const form = sent.filter((upload) => upload.path === path).at(-1)?.form;
      if (!form) throw new Error(`Nothing was uploaded to ${path}`);
      const fields: Record<string, string> = {};
      form.forEach((value, name) => {
        if (typeof value === 'string' && name !== 'file') fields[name] = value;
      });
      return fields;
    },
  };
}
