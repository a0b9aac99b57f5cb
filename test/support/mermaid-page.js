/*
 * Runs inside the headless browser page, after mermaid's own dist bundle: renders one diagram the way
 * a Markdown viewer does (mermaid.parse, then mermaid.render into the document) and reads back what was
 * drawn: each node's label and box on the page, and each edge by the nodes its line starts and ends at.
 * Plain browser JavaScript: it is loaded with page.addScriptTag, never by Node.
 */
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let diagrams = 0;

window.renderDiagram = async function renderDiagram(source) {
  const id = `diagram${++diagrams}`;
  try {
    await mermaid.parse(source);
    const { svg } = await mermaid.render(id, source);
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    const nodes = [...holder.querySelectorAll('g.node')].map((node) => {
      const box = node.getBoundingClientRect();
      return { label: node.textContent.replace(/\s+/g, ' ').trim(), x: box.x, y: box.y, width: box.width, height: box.height };
    });
    // An edge belongs to the nodes nearest its two ends, as a reader sees it, not to its element id.
    const nearest = (point) => {
      let best = -1;
      let bestDistance = Infinity;
      nodes.forEach((node, i) => {
        const dx = Math.max(node.x - point.x, 0, point.x - (node.x + node.width));
        const dy = Math.max(node.y - point.y, 0, point.y - (node.y + node.height));
        const distance = Math.hypot(dx, dy);
        if (distance < bestDistance) [best, bestDistance] = [i, distance];
      });
      return { node: best, distance: bestDistance };
    };
    const edges = [...holder.querySelectorAll('path.flowchart-link')].map((path) => {
      const matrix = path.getScreenCTM();
      const at = (length) => new DOMPoint(path.getPointAtLength(length).x, path.getPointAtLength(length).y).matrixTransform(matrix);
      const from = nearest(at(0));
      const to = nearest(at(path.getTotalLength()));
      return { from: from.node, to: to.node, gap: Math.max(from.distance, to.distance) };
    });
    // Anything the labels could have smuggled in as markup: elements a label must never create.
    // A label is text in a div > span > p (HTML labels): any other element in it came from the text.
    const markup = [...holder.querySelectorAll('g.node foreignObject *, script, iframe, img, a, [onerror], [onclick], [onload]')]
      .filter((el) => !['DIV', 'SPAN', 'P'].includes(el.tagName.toUpperCase()) || [...el.attributes].some((a) => a.name.startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 120));
    holder.remove();
    return { nodes, edges, markup };
  } catch (error) {
    // mermaid leaves its error drawing behind on a failed render.
    document.getElementById(`d${id}`)?.remove();
    return { error: String(error && error.message ? error.message : error) };
  }
};
