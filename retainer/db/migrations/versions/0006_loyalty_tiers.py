"""loyalty tiers: their order and number of purchases, each customer's tier, its changes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by rebuilding the table, so
no child row is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('loyalty_tiers', sa.Column('position', sa.Integer(), server_default='0',
                                             nullable=False))
    op.add_column('loyalty_tiers', sa.Column('min_purchases', sa.Integer(), nullable=True))
    op.add_column('customers', sa.Column('tier_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_customers_tier_id'), 'customers', ['tier_id'], unique=False)
    op.create_table(
        'tier_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.Column('from_tier', sa.String(length=60), nullable=True),
        sa.Column('to_tier', sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_tier_changes_customer_id_customers'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_changes')),
    )
    op.create_index(op.f('ix_tier_changes_customer_id'), 'tier_changes', ['customer_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_tier_changes_customer_id'), table_name='tier_changes')
    op.drop_table('tier_changes')
    op.drop_index(op.f('ix_customers_tier_id'), table_name='customers')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('tier_id')
    with op.batch_alter_table('loyalty_tiers', schema=None) as batch_op:
        batch_op.drop_column('min_purchases')
        batch_op.drop_column('position')
