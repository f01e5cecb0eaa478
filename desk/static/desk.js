// Enhancements of the desk's pages; every page works without them.
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

// Upload: drop a file anywhere on the drop zone; show only the choices the chosen type needs.
const dropzone = document.querySelector('[data-dropzone]');
if (dropzone) {
  const input = dropzone.querySelector('input[type=file]');
  for (const type of ['dragenter', 'dragover'])
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('over');
    });
  for (const type of ['dragleave', 'drop']) dropzone.addEventListener(type, () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer?.files.length) input.files = event.dataTransfer.files;
  });
  const needs = { briefing: ['region'], policy: ['region'], tasks: ['region', 'policy', 'list', 'newList'], table: ['table'] };
  const show = () => {
    const type = document.querySelector('input[name=type]:checked')?.value ?? 'briefing';
    for (const field of document.querySelectorAll('.choices .field')) {
      const name = field.querySelector('select, input')?.name;
      field.classList.toggle('unused', !(needs[type] ?? []).includes(name));
    }
  };
  for (const radio of document.querySelectorAll('input[name=type]')) radio.addEventListener('change', show);
  show();
}

// Draft form: check as staff type (debounced), messages beside each field.
const form = document.getElementById('draft-form');
if (form?.dataset.validate) {
  let timer;
  let latest = 0;
  const showIssues = (issues) => {
    const byField = new Map(issues.map((i) => [i.field, i.messages]));
    for (const list of document.querySelectorAll('[data-issues-for]')) {
      const messages = byField.get(list.dataset.issuesFor) ?? [];
      list.replaceChildren(...messages.map((m) => Object.assign(document.createElement('li'), { textContent: m })));
      list.closest('.field')?.classList.toggle('has-issues', messages.length > 0);
    }
    const count = document.querySelector('[data-issue-count]');
    const total = issues.reduce((n, i) => n + i.messages.length, 0);
    if (count) count.textContent = total === 0 ? '没有发现问题。' : `共 ${total} 个问题，请按提示修改；有问题时不能提交审核。`;
  };
  const check = async () => {
    const ticket = ++latest;
    try {
      const response = await fetch(form.dataset.validate, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok || ticket !== latest) return;
      showIssues((await response.json()).issues);
    } catch {
      // Offline or the desk restarted: the messages come with the next save.
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  form.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 100);
  });
}
