import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { FileInfo } from '../../server/src/lsp/protocol';
import { statusTooltip } from './statusTooltip';

/* The status bar's tooltip says where the file's product came from, as the server reports it. */

const info = (productSource: FileInfo['productSource'], override: FileInfo['override'] = { product: null, mode: null }): FileInfo => ({
  uri: 'file:///w/services/billing/.env',
  kind: 'env',
  product: 'billing-api',
  productName: 'Billing API',
  productSource,
  mode: 'production',
  override,
});

const productLine = (text: string) => text.split('\n')[1];

test('each product source is named in the tooltip', () => {
  assert.equal(productLine(statusTooltip(info('config'))), 'Product: Billing API (set by `files:` in .deploy-doctor.yaml)');
  assert.equal(productLine(statusTooltip(info('setting'))), 'Product: Billing API (set by deployDoctor.products)');
  assert.equal(productLine(statusTooltip(info('directive'))), 'Product: Billing API (set by a deploy-doctor comment)');
  assert.equal(productLine(statusTooltip(info('content'))), 'Product: Billing API (detected from the file)');
  assert.equal(productLine(statusTooltip(info('option', { product: 'billing-api', mode: null }))), 'Product: Billing API (picked for this file)');
});

test('the whole tooltip: product, mode (and whether it was picked), what a click does; a file with no product says so', () => {
  assert.equal(
    statusTooltip(info('config', { product: null, mode: 'production' })),
    'Deploy Doctor\nProduct: Billing API (set by `files:` in .deploy-doctor.yaml)\nMode: production (picked for this file)\nClick to choose the product and mode for this file.',
  );
  assert.equal(productLine(statusTooltip({ ...info(null), product: null, productName: null })), 'No product detected: only the generic checks run');
});
